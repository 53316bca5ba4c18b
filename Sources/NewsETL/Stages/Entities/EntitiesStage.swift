/// The `entities` stage's slot in the pipeline. Entity recognition is not
/// built yet: the stage takes no options and passes documents through
/// unchanged, so that pipelines written today keep working when it lands.
///
/// ```json
/// { "name": "entities", "enabled": true, "options": {} }
/// ```
public struct EntitiesStage: DocumentStage {
    public init(options: OptionReader) {}

    public func process(_ document: Document) -> DocumentOutcome { .keep(document) }
}
