// The stages below this one, re-exported so that whoever checks curricula sees the model and
// the loader too.
@_exported import CurriculumCore
@_exported import CurriculumParse
