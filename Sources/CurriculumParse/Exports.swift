// The stage below this one, re-exported so that whoever reads curricula sees the model too.
@_exported import CurriculumCore
