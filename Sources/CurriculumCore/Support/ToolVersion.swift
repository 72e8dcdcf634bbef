/// The tool's version, in one place: `curriculum --version`, SARIF's `tool.driver.version`, and
/// the build's manifest and stamp (a new version rebuilds everything) all read it.
public enum ToolVersion {
    public static let current = "0.1.0"
}
