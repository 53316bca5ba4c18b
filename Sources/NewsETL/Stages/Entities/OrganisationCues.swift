/// Clubs, franchises and companies named after places ("Leeds", "Milan",
/// "Valmora Ports") read as places by a tagger; the words beside the name
/// say what it is: "rivals Leeds", "club Milan", "Milan coach",
/// "Barcelona FC". A place with such a word right before or after it is an
/// organisation.
enum OrganisationCues {
    static let before: Set<String> = [
        "club", "clubs", "team", "franchise", "rivals", "champions", "holders", "hosts", "visitors", "side",
        "company", "firm", "carrier", "airline", "utility", "exchange", "broker", "insurer", "retailer", "lender",
        "publisher", "newspaper", "broadcaster",
    ]
    static let after: Set<String> = [
        "FC", "AFC", "CF", "SC", "club", "coach", "manager", "striker", "midfielder", "defender", "goalkeeper",
        "forward", "captain", "fans", "supporters", "Inc", "Ltd", "plc", "PLC", "Corp", "AG", "SA",
    ]

    /// `found` with places that a cue marks as organisations retyped.
    static func apply(to found: [EntityExtractor.Found], tokens: [Token]) -> [EntityExtractor.Found] {
        found.map { item in
            guard item.mention.kind == .location else { return item }
            let first = EntityExtractor.firstToken(atOrAfter: item.mention.start, in: tokens)
            let next = EntityExtractor.firstToken(atOrAfter: item.mention.end, in: tokens)
            let cueBefore = first > 0 && before.contains(tokens[first - 1].text.lowercased())
            let cueAfter = next < tokens.count && (after.contains(tokens[next].text) || after.contains(tokens[next].text.lowercased()))
            guard cueBefore || cueAfter else { return item }
            var retyped = item
            retyped.mention.kind = .organization
            return retyped
        }
    }
}
