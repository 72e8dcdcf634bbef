// The stages below this one, re-exported so that whoever renders sees the model, the loader
// and what the check learned about each module.
@_exported import CurriculumCore
@_exported import CurriculumParse
@_exported import CurriculumCheck
