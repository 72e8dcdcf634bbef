import FuzzSupport

// The entry point: libFuzzer parses its own flags and calls fuzzCurriculum (in
// CurriculumFuzz.swift) with every input.
FuzzDriver.run { data, size in fuzzCurriculum(data, size) }
