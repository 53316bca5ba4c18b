/// An entity mention in a document's clean text, linked to its canonical
/// name and to an `entityID` shared by every mention of the same entity
/// across documents.
public struct EntityRecord: Sendable, Equatable {
    public var mention: EntityMention
    /// Index of the sentence it stands in, from 0.
    public var sentence: Int
    /// The fullest name the document gives the entity ("Sergei Ryabkov" for
    /// a later "Ryabkov"); for dates and times, their ISO value.
    public var canonical: String
    /// `ent-` and 12 hex digits of the SHA-256 of type and folded canonical name.
    public var entityID: String

    public init(mention: EntityMention, sentence: Int, canonical: String, entityID: String) {
        self.mention = mention
        self.sentence = sentence
        self.canonical = canonical
        self.entityID = entityID
    }
}
