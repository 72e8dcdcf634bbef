// The stages below this one, re-exported so that whoever builds sees the whole pipeline.
@_exported import CurriculumCore
@_exported import CurriculumParse
@_exported import CurriculumCheck
@_exported import CurriculumRender
