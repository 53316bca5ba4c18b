/// Capitalised words a tagger takes for names that name nothing an analyst
/// would count: sentence-initial function words ("The", "But"), the
/// first half of a contraction ("Don" of "Don't"), month abbreviations
/// ("Jan"), generic acronyms ("TV", "CEO"), and a lone first name
/// ("Oscar", "Don") that the report never ties to a full name. Such
/// mentions are dropped rather than typed, so they cannot crowd the top of
/// `entity_summary`.
enum NonEntities {
    static let functionWords: Set<String> = [
        "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You", "His", "Her",
        "Their", "Our", "My", "Your", "But", "And", "Or", "Nor", "If", "In", "On", "At", "For", "With", "As", "By", "To",
        "From", "Of", "So", "Yet", "Then", "There", "Here", "What", "When", "Where", "Who", "Why", "How", "All", "Some",
        "No", "Not", "Yes", "Mr", "Mrs", "Ms", "Dr", "Sir", "Now", "Today", "Yesterday", "Tomorrow", "After", "Before",
        "While", "Although", "Because", "Since", "Also", "However", "Meanwhile", "Still", "Just", "Even", "Every", "Each",
        "Many", "Most", "More", "One", "Two", "Three", "First", "Last", "Next", "New", "Old",
    ]
    static let contractionStems: Set<String> = [
        "Don", "Won", "Isn", "Doesn", "Didn", "Couldn", "Wouldn", "Shouldn", "Aren", "Wasn", "Weren", "Haven", "Hasn",
        "Hadn", "Ain", "Can", "Mustn", "Needn", "Let",
    ]
    static let monthAbbreviations: Set<String> = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"]
    static let genericAcronyms: Set<String> = [
        "TV", "CEO", "CFO", "COO", "CTO", "PM", "AM", "GMT", "BST", "EST", "PST", "UTC", "OK", "PC", "DVD", "CD", "GPS", "USB",
        "HD", "LCD", "PR", "AI", "ID", "FAQ", "SMS", "URL", "RSS", "VIP", "DJ", "CV", "UFO", "SUV", "ATM", "GDP", "VAT",
        "HTML", "PDF", "MP3", "LED", "IPO", "Q1", "Q2", "Q3", "Q4", "RIP", "LOL", "FYI", "ETA", "PS", "TBA", "TBD",
    ]

    /// Month names; "May" is left out, being a name as often.
    static let monthNames: Set<String> = [
        "January", "February", "March", "April", "June", "July", "August", "September", "October", "November", "December",
    ]
    /// Legal forms and corporate words that end a company's name ("Chrysler Corp", "Purolator Courier Co").
    static let corporateDesignators: Set<String> = [
        "Co", "Inc", "Corp", "Ltd", "Plc", "PLC", "LLC", "AG", "NV", "BV", "GmbH", "Bhd", "SpA", "SRL", "Srl", "Corporation", "Company",
        "Holdings", "Industries", "Airlines", "Airways", "Motors", "Bancorp", "Bancshares", "Group", "Association",
    ]

    /// Whether a PER, ORG, LOC or MISC mention names nothing (`text` as written).
    static func namesNothing(_ text: String) -> Bool {
        let bare = text.hasSuffix(".") ? String(text.dropLast()) : text
        if functionWords.contains(bare) || contractionStems.contains(bare) || monthAbbreviations.contains(bare)
            || genericAcronyms.contains(bare) || monthNames.contains(capitalized(bare)) {
            return true
        }
        let words = bare.split(separator: " ")
        return !words.isEmpty && words.allSatisfy { corporateDesignators.contains(String($0.hasSuffix(".") ? $0.dropLast() : $0)) }
    }

    /// Whether the name ends with a company's legal form or corporate word.
    static func endsLikeACompany(_ text: String) -> Bool {
        // Most names are one word: they are passed over before any split.
        guard text.utf8.contains(UInt8(ascii: " ")), let last = text.split(separator: " ").last else { return false }
        return corporateDesignators.contains(String(last.hasSuffix(".") ? last.dropLast() : last))
    }

    /// How many characters of a leading function word ("In ", "IN ") a
    /// multi-word mention carries ("In January", "IN FEBRUARY", "In Yahoo"), 0 if none.
    static func leadingFunctionWord(_ text: String) -> Int {
        guard let space = text.firstIndex(of: " ") else { return 0 }
        let first = String(text[..<space])
        return leadingWords.contains(capitalized(first)) ? first.count + 1 : 0
    }

    /// Sentence-initial words a tagger glues to the name after them; not
    /// "The", "New" or titles, which begin names ("The Hague", "New York").
    static let leadingWords: Set<String> = [
        "In", "On", "At", "For", "With", "As", "By", "To", "From", "But", "And", "Or", "If", "When", "While", "After",
        "Before", "Since", "Although", "Because", "So", "Then", "Meanwhile", "However", "Also", "Where", "Why", "How", "Still",
    ]

    /// "FEBRUARY" → "February".
    private static func capitalized(_ word: String) -> String {
        guard word.count > 1, word == word.uppercased() else { return word }
        return word.prefix(1) + word.dropFirst().lowercased()
    }

    /// A person mention whose name is one first name and nothing more.
    static func isLoneFirstName(_ record: EntityRecord) -> Bool {
        record.mention.kind == .person && !record.canonical.utf8.contains(UInt8(ascii: " "))
            && Gazetteer.shared.contains(record.canonical, in: .firstName)
    }
}
