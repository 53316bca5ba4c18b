/// The features the entity tagger sees for one token: the word and its
/// neighbours, shape, affixes, capitalisation (and whether the sentence is
/// written in capitals, as headlines are), position, and the previous tag.
/// Each feature is a stable 64-bit hash of its name and value.
enum TaggerFeatures {
    /// Per-sentence facts that do not depend on tags, computed once.
    struct Context {
        var lower: [String]
        var shapes: [String]
        var capitalised: [Bool]
        /// Most letters of the sentence are capitals (a headline, a wire slug).
        var headlineCase: Bool
        /// Gazetteer lists covering each token.
        var gazetteer: [[(list: Gazetteer.List, isFirst: Bool)]]

        /// `gazetteer`: the sentence's annotations when the caller has them already.
        init(words: [String], gazetteer: [[(list: Gazetteer.List, isFirst: Bool)]]? = nil) {
            lower = words.map { $0.lowercased() }
            shapes = words.map(TaggerFeatures.shape)
            capitalised = words.map { $0.first?.isUppercase ?? false }
            let letters = words.joined().unicodeScalars.filter { $0.properties.isAlphabetic }
            let upper = letters.filter { $0.properties.isUppercase }.count
            headlineCase = letters.count >= 8 && upper * 10 >= letters.count * 7
                || words.count >= 4 && words.filter { $0.first?.isLetter ?? false }.allSatisfy { $0.first!.isUppercase }
            self.gazetteer = gazetteer ?? Gazetteer.shared.annotate(words)
        }
    }

    static func features(_ index: Int, _ context: Context, words: [String], previousTag: String, previousTag2: String) -> [UInt64] {
        let word = words[index]
        let lower = context.lower[index]
        let shape = context.shapes[index]
        func at(_ offset: Int) -> String {
            let position = index + offset
            return position < 0 ? "<s>" : position >= words.count ? "</s>" : context.lower[position]
        }
        func shapeAt(_ offset: Int) -> String {
            let position = index + offset
            return position < 0 || position >= words.count ? "-" : context.shapes[position]
        }
        var result: [UInt64] = [hash("bias")]
        result.append(hash("w", lower))
        result.append(hash("shape", shape))
        result.append(hash("p3", String(lower.prefix(3))))
        result.append(hash("s3", String(lower.suffix(3))))
        result.append(hash("s2", String(lower.suffix(2))))
        result.append(hash("w-1", at(-1)))
        result.append(hash("w+1", at(1)))
        result.append(hash("w-2", at(-2)))
        result.append(hash("w+2", at(2)))
        result.append(hash("w-1w", at(-1) + " " + lower))
        result.append(hash("ww+1", lower + " " + at(1)))
        result.append(hash("shape-1", shapeAt(-1)))
        result.append(hash("shape+1", shapeAt(1)))
        result.append(hash("shape-1,0,+1", shapeAt(-1) + shape + shapeAt(1)))
        result.append(hash("t-1", previousTag))
        result.append(hash("t-1,t-2", previousTag + previousTag2))
        result.append(hash("t-1,w", previousTag + lower))
        result.append(hash("t-1,shape", previousTag + shape))
        if index == 0 { result.append(hash("first", shape)) }
        if context.headlineCase {
            // In a headline capitals say little: lean on the word itself.
            result.append(hash("headline"))
            result.append(hash("headline,w", lower))
        } else if context.capitalised[index] {
            result.append(hash("cap,first", index == 0 ? "1" : "0"))
        }
        if word.contains("-") { result.append(hash("hyphen")) }
        for (list, isFirst) in context.gazetteer[index] {
            result.append(hash("gaz", list.rawValue + (isFirst ? "B" : "I")))
        }
        if index > 0 {
            for (list, _) in context.gazetteer[index - 1] where list == .title || list == .firstName {
                result.append(hash("gaz-1", list.rawValue))
            }
        }
        if index + 1 < words.count {
            for (list, isFirst) in context.gazetteer[index + 1] where isFirst {
                result.append(hash("gaz+1", list.rawValue))
            }
        }
        return result
    }

    /// Xxxx, XX, dd, x-x…: character classes with runs collapsed.
    static func shape(_ word: String) -> String {
        var result = ""
        var last: Character?
        for scalar in word.unicodeScalars {
            let kind: Character = scalar.properties.isUppercase ? "X" : scalar.properties.isLowercase ? "x"
                : scalar.properties.numericType != nil ? "d" : Character(scalar)
            if kind != last { result.append(kind) }
            last = kind
        }
        return result
    }

    static func hash(_ name: String, _ value: String = "") -> UInt64 {
        var hash = StableHash.fnv1a(name)
        hash = (hash ^ 0x1F) &* 0x0000_0100_0000_01B3
        return StableHash.fnv1a(value.utf8, seed: hash)
    }
}
