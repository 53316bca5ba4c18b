/// The `clean` stage's slot in the pipeline. Boilerplate removal is not built
/// yet: the stage takes no options and passes documents through unchanged,
/// so that pipelines written today keep working when it lands.
///
/// ```json
/// { "name": "clean", "enabled": true, "options": {} }
/// ```
public struct CleanStage: DocumentStage {
    public init(options: OptionReader) {}

    public func process(_ document: Document) -> DocumentOutcome { .keep(document) }
}
