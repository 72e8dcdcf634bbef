// The stages below this one, re-exported so that `import CurriculumKit` (the command line, the
// tests and the Fuzz package) still sees the whole library while it is split into targets.
@_exported import CurriculumCore
@_exported import CurriculumParse
