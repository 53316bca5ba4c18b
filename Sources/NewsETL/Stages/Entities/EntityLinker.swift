import Foundation

/// Gives each mention its canonical name and entity id.
///
/// Within a report, a short person mention ("Ryabkov") takes the fullest
/// name of the report that ends with it ("Sergei Ryabkov") — only when
/// exactly one such name exists. Across reports, mentions join one entity
/// when type and folded canonical name agree: case, accents and common
/// transliterations ("Gruško" / "Grushko") are folded; spelling variants
/// ("Julian" / "Julianne Smith") join later, in `NameVariantCollector`,
/// only when the reports' context agrees.
enum EntityLinker {
    /// What a mention of an entity links to.
    struct Target: Sendable, Equatable {
        var canonical: String
        var entityID: String
    }

    /// `aliases` maps a mention or a canonical name to the canonical name to use.
    static func link(_ found: [EntityExtractor.Found], aliases: [String: String] = [:]) -> [EntityRecord] {
        let people = found.filter { $0.mention.kind == .person }.map { Tokenizer.tokens($0.mention.text).map(\.text) }
        var fullNamesByLastWord: [String: Set<String>] = [:]
        for words in people where words.count >= 2 {
            fullNamesByLastWord[fold(words.last!), default: []].insert(words.joined(separator: " "))
        }
        var ids: [String: String] = [:]
        /// The full name a lone surname stands for (nil: none or several), worked out once per surname.
        var surnameTargets: [String: String?] = [:]
        return found.map { item in
            let mention = item.mention
            var canonical: String
            switch mention.kind {
            case .person:
                let words = Tokenizer.tokens(mention.text).map(\.text)
                canonical = words.joined(separator: " ")
                if words.count == 1 {
                    let surname = fold(words[0])
                    if surnameTargets[surname] == nil {
                        surnameTargets[surname] = fullNamesByLastWord[surname].flatMap { names -> String? in
                            guard Set(names.map(fold)).count == 1 else { return nil }
                            return names.max(by: { ($0.count, $1) < ($1.count, $0) })
                        }
                    }
                    if let target = surnameTargets[surname] ?? nil { canonical = target }
                }
            case .organization, .location, .miscellaneous:
                canonical = mention.text.hasPrefix("the ") || mention.text.hasPrefix("The ") ? String(mention.text.dropFirst(4)) : mention.text
            case .date, .time:
                canonical = mention.value ?? mention.text
            case .money, .percent, .quantity:
                canonical = singleSpaced(mention.text)
            }
            canonical = aliases[mention.text] ?? aliases[canonical] ?? canonical
            let key = mention.kind.rawValue + "|" + canonical
            let id = ids[key] ?? entityID(mention.kind, canonical)
            ids[key] = id
            return EntityRecord(mention: mention, sentence: item.sentence, canonical: canonical, entityID: id)
        }
    }

    static func entityID(_ kind: EntityMention.Kind, _ canonical: String) -> String {
        "ent-" + SHA256.hex(kind.rawValue + "|" + fold(canonical)).prefix(12)
    }

    /// Lowercase, with transliteration digraphs for the common Slavic
    /// letters, other accents dropped, and single spaces.
    static func fold(_ name: String) -> String {
        if let folded = foldASCII(name) { return folded }
        var output = ""
        for scalar in name.lowercased().unicodeScalars {
            switch scalar {
            case "š", "ś": output += "sh"
            case "ž", "ź", "ż": output += "zh"
            case "č", "ć": output += "ch"
            case "ł": output += "l"
            case "ø": output += "o"
            case "æ": output += "ae"
            case "ß": output += "ss"
            case "’", "‘": output += "'"
            default:
                let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                output.unicodeScalars.append(contentsOf: decomposed.filter { !(0x300...0x36F).contains($0.value) })
            }
        }
        return singleSpaced(output)
    }

    /// The words of `text` joined by single spaces. Most texts are ASCII
    /// and single-spaced already: those are returned as they are, without
    /// splitting them into words.
    static func singleSpaced(_ text: String) -> String {
        var previousIsSpace = true
        for byte in text.utf8 {
            guard byte < 0x80, !(0x09...0x0D).contains(byte), !(byte == 0x20 && previousIsSpace) else {
                return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            }
            previousIsSpace = byte == 0x20
        }
        return previousIsSpace && !text.isEmpty ? text.split(whereSeparator: \.isWhitespace).joined(separator: " ") : text
    }

    /// `fold` of an all-ASCII name, byte by byte (names are folded for every
    /// mention and every stored entity a night revises); nil for other names.
    /// ASCII whitespace is what `Character.isWhitespace` says of ASCII: tab,
    /// line feed, vertical tab, form feed, carriage return and space.
    private static func foldASCII(_ name: String) -> String? {
        var name = name
        return name.withUTF8 { bytes -> String? in
            var folded: [UInt8] = []
            folded.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    pendingSpace = !folded.isEmpty
                    continue
                }
                if pendingSpace {
                    folded.append(0x20)
                    pendingSpace = false
                }
                folded.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
            }
            return String(decoding: folded, as: UTF8.self)
        }
    }
}
