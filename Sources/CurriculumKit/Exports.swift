// The umbrella of the pipeline: `import CurriculumKit` (the command line, the tests and the Fuzz
// package) sees every stage. It holds no code; each stage is a target of its own that imports
// only the stages before it (docs/architecture.md).
@_exported import CurriculumCore
@_exported import CurriculumParse
@_exported import CurriculumCheck
@_exported import CurriculumRender
@_exported import CurriculumBuild
