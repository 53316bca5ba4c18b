/// The release, as the manifest and `newsetl --version` report it. State
/// files carry their own format versions (`BinaryFormat`), not this one.
public enum NewsETLVersion {
    public static let current = "0.1.0"
}
