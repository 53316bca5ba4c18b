/// One entry of `stages` in pipeline.json, validated and built.
public struct ConfiguredStage: Sendable {
    public let name: String
    public let enabled: Bool
    public let kind: StageKind

    public init(name: String, enabled: Bool, kind: StageKind) {
        self.name = name
        self.enabled = enabled
        self.kind = kind
    }
}
