extension CurriculumLoader {
    /// A loader that knows every rule of the catalog.
    public init(fileSystem: any FileSystem = LocalFileSystem()) {
        self.init(fileSystem: fileSystem, knownRules: RuleCatalog.ids)
    }
}
