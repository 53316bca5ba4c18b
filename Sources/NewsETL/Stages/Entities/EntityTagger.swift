import Foundation

/// A greedy left-to-right sequence tagger with an averaged perceptron
/// (Collins 2002): each token's BIO tag is the highest-scoring one given its
/// features and the two tags before it. Greedy decoding with tag-history
/// features is nearly as accurate as Viterbi for NER and several times
/// faster, which is what a pipeline over millions of reports needs.
public struct EntityTagger: Sendable {
    public let tags: [String]
    /// The weights per feature hash, one per tag, laid out for tagging.
    private let table: WeightTable
    /// `allowed[previous][tag]`: whether `tag` may follow `previous` (index
    /// `tags.count` stands for the sentence start) in a valid BIO sequence.
    private let allowed: [[Bool]]
    /// The previous-tag features of each pair of previous tags, at
    /// `previous * (tags.count + 1) + previous2` (index `tags.count`: the sentence start).
    private let previousTags: [TaggerFeatures.PreviousTags]

    public init(tags: [String], weights: [UInt64: [Float]]) {
        self.init(tags: tags, table: WeightTable(weights, width: tags.count))
    }

    private init(tags: [String], table: WeightTable) {
        self.tags = tags
        self.table = table
        allowed = (tags + ["<s>"]).map { previous in
            tags.map { tag in
                !tag.hasPrefix("I-") || !(previous.dropFirst(2) != tag.dropFirst(2) || previous == "O" || previous == "<s>")
            }
        }
        let history = tags + ["<s>"]
        previousTags = history.flatMap { previous in history.map { TaggerFeatures.PreviousTags(previous, $0) } }
    }

    public static let bioTags = ["O"] + NERCorpus.types.flatMap { ["B-\($0)", "I-\($0)"] }

    /// The model shipped in the binary (`EntityModelData`, made by
    /// `make train-ner`), decoded once.
    public static let builtIn: EntityTagger = {
        guard let data = Data(base64Encoded: EntityModelData.base64, options: .ignoreUnknownCharacters),
              let tagger = try? EntityTagger(serialized: Array(data)) else {
            preconditionFailure("the built-in entity model is damaged; run make train-ner")
        }
        return tagger
    }()

    public func tag(_ words: [String]) -> [String] {
        var known = WordFactsTable()
        return tag(TaggerFeatures.Context(words: words, table: &known))
    }

    /// Tags a sentence whose gazetteer annotations the caller already made,
    /// of words whose facts `known` holds (by their ids there).
    func tag(ids: ArraySlice<Int32>, gazetteer: [[(list: Gazetteer.List, isFirst: Bool)]], known: WordFactsTable) -> [String] {
        tag(TaggerFeatures.Context(ids: ids, gazetteer: gazetteer, table: known))
    }

    private func tag(_ context: TaggerFeatures.Context) -> [String] {
        let words = context.words
        var result: [String] = []
        result.reserveCapacity(words.count)
        var previousIndex = tags.count
        var previousIndex2 = tags.count
        var scores = [Float](repeating: 0, count: tags.count)
        var features: [UInt64] = []
        features.reserveCapacity(48)
        for index in words.indices {
            for position in scores.indices { scores[position] = 0 }
            features.removeAll(keepingCapacity: true)
            TaggerFeatures.appendFeatures(index, context, previous: previousTags[previousIndex * (tags.count + 1) + previousIndex2],
                                          to: &features)
            scores.withUnsafeMutableBufferPointer { table.addWeights(of: features, to: $0) }
            var best = 0
            var bestScore = -Float.infinity
            for position in scores.indices where allowed[previousIndex][position] && scores[position] > bestScore {
                best = position
                bestScore = scores[position]
            }
            previousIndex2 = previousIndex
            previousIndex = best
            result.append(tags[best])
        }
        return result
    }

    // MARK: - Training

    /// Trains for `epochs` passes over `sentences` in a fixed shuffled order
    /// and returns the averaged weights, dropping features whose weights
    /// stay tiny (they only cost memory).
    public static func train(_ sentences: [LabelledSentence], epochs: Int, seed: UInt64 = 1) -> EntityTagger {
        let tags = bioTags
        let tagIndex = Dictionary(uniqueKeysWithValues: tags.enumerated().map { ($1, $0) })
        var weights: [UInt64: [Float]] = [:]
        var totals: [UInt64: [Double]] = [:]
        var stamps: [UInt64: [Int]] = [:]
        var step = 0
        var order = Array(sentences.indices)
        var random = SplitMix(seed: seed)
        var known = WordFactsTable()
        func update(_ feature: UInt64, _ tag: Int, _ delta: Float) {
            var row = weights[feature] ?? [Float](repeating: 0, count: tags.count)
            var total = totals[feature] ?? [Double](repeating: 0, count: tags.count)
            var stamp = stamps[feature] ?? [Int](repeating: 0, count: tags.count)
            total[tag] += Double(step - stamp[tag]) * Double(row[tag])
            stamp[tag] = step
            row[tag] += delta
            weights[feature] = row
            totals[feature] = total
            stamps[feature] = stamp
        }
        for _ in 0..<epochs {
            order.shuffle(using: &random)
            for sentenceIndex in order {
                let sentence = sentences[sentenceIndex]
                let context = TaggerFeatures.Context(words: sentence.words, table: &known)
                var predicted: [String] = []
                for index in sentence.words.indices {
                    step += 1
                    // Train on the model's own history, as it will run.
                    let previous = index > 0 ? predicted[index - 1] : "<s>"
                    let previous2 = index > 1 ? predicted[index - 2] : "<s>"
                    let features = TaggerFeatures.features(index, context, previousTag: previous, previousTag2: previous2)
                    var scores = [Float](repeating: 0, count: tags.count)
                    for feature in features {
                        guard let row = weights[feature] else { continue }
                        for position in scores.indices { scores[position] += row[position] }
                    }
                    let guess = scores.indices.max { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 > $1) }!
                    let truth = tagIndex[sentence.tags[index]] ?? 0
                    if guess != truth {
                        for feature in features {
                            update(feature, truth, 1)
                            update(feature, guess, -1)
                        }
                    }
                    predicted.append(tags[guess])
                }
            }
        }
        var averaged: [UInt64: [Float]] = [:]
        for (feature, row) in weights {
            let total = totals[feature]!, stamp = stamps[feature]!
            let average = row.indices.map { tag in
                Float((total[tag] + Double(step - stamp[tag]) * Double(row[tag])) / Double(max(step, 1)))
            }
            if average.contains(where: { abs($0) >= 0.001 }) { averaged[feature] = average }
        }
        return EntityTagger(tags: tags, weights: averaged)
    }

    // MARK: - Model file

    private static let magic = Array("NEWSETL-NER-1\n".utf8)

    /// A compact file: tag names, then per feature its hash and one 16-bit
    /// weight per tag (weights scaled by a common factor), in hash order.
    public func serialized() -> [UInt8] {
        // Rebuilt from the table once: only the model file needs them by feature.
        let weights = table.storedWeights
        var bytes = EntityTagger.magic
        let names = tags.joined(separator: " ")
        append(UInt32(names.utf8.count), to: &bytes)
        bytes.append(contentsOf: names.utf8)
        var scaleBits = table.scale.bitPattern
        withUnsafeBytes(of: &scaleBits) { bytes.append(contentsOf: $0) }
        append(UInt32(weights.count), to: &bytes)
        for feature in weights.keys.sorted() {
            var key = feature.littleEndian
            withUnsafeBytes(of: &key) { bytes.append(contentsOf: $0) }
            for weight in weights[feature]! {
                var value = weight.littleEndian
                withUnsafeBytes(of: &value) { bytes.append(contentsOf: $0) }
            }
        }
        return bytes
    }

    public init(serialized bytes: [UInt8]) throws {
        struct Malformed: Error {}
        guard bytes.starts(with: EntityTagger.magic) else { throw Malformed() }
        var position = EntityTagger.magic.count
        func read<T: FixedWidthInteger>(_: T.Type) throws -> T {
            guard position + MemoryLayout<T>.size <= bytes.count else { throw Malformed() }
            defer { position += MemoryLayout<T>.size }
            return bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: position, as: T.self)) }
        }
        let nameLength = Int(try read(UInt32.self))
        guard position + nameLength <= bytes.count else { throw Malformed() }
        let tags = String(decoding: bytes[position..<(position + nameLength)], as: UTF8.self).split(separator: " ").map(String.init)
        position += nameLength
        let scale = Float(bitPattern: try read(UInt32.self))
        guard scale.isFinite, scale > 0 else { throw Malformed() }
        let count = Int(try read(UInt32.self))
        // Features follow in hash order, each its key and one weight per tag: read straight into the table.
        let stride = MemoryLayout<UInt64>.size + tags.count * MemoryLayout<Int16>.size
        guard count >= 0, position + count * stride <= bytes.count else { throw Malformed() }
        let first = position
        let keys = (0..<count).map { index in
            bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: first + index * stride, as: UInt64.self)) }
        }
        guard zip(keys, keys.dropFirst()).allSatisfy({ $0 < $1 }) else { throw Malformed() }
        let table = bytes.withUnsafeBytes { raw in
            WeightTable(features: keys, width: tags.count, scale: scale) { index, row in
                var offset = first + index * stride + MemoryLayout<UInt64>.size
                for position in 0..<row.count {
                    row[position] = Int16(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: Int16.self))
                    offset += MemoryLayout<Int16>.size
                }
            }
        }
        self.init(tags: tags, table: table)
    }

    private func append(_ value: UInt32, to bytes: inout [UInt8]) {
        var little = value.littleEndian
        withUnsafeBytes(of: &little) { bytes.append(contentsOf: $0) }
    }
}
