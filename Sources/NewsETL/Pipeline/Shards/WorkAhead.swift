/// What a shard does beyond its part, so that the merge has less to do:
/// for each later corpus stage, the work a worker would do on a document
/// if the corpus taught that stage nothing about it (`resolveAlone`: clean
/// with nothing learned, dedupe with no copy), then the segment's stages
/// and the next corpus stage's own work (the entity tagger). Each record
/// carries the digest of the document it started from; the merge uses it
/// only when its own document has that digest and the stage's resolver
/// confirms the guess (`resolvesAsAlone`), so the result is the one the
/// merge would have computed, and otherwise computes it.
struct WorkAhead {
    let inputDigest: String
    let item: ProcessedItem

    /// SHA-256 of the document as the spools encode it.
    static func digest(_ document: Document) -> String {
        var writer = BinaryWriter()
        writer.document(document)
        return SHA256.hex(writer.bytes)
    }

    /// The shard's side: the work ahead of each later corpus stage for one
    /// document that left decode as `item`, until a stage cannot guess.
    static func records(after item: ProcessedItem, plan: ExecutionPlan, clock: ContinuousClock) -> [(segment: Int, WorkAhead)] {
        guard case .success(var current)? = item.result else { return [] }
        var records: [(segment: Int, WorkAhead)] = []
        for segment in plan.segments.indices.dropFirst() {
            guard let stage = plan.segments[segment].corpus else { break }
            var alone: DocumentOutcome?
            let elapsed = clock.measure { alone = stage.stage.resolveAlone(current) }
            guard let alone else { break }
            let next = segment + 1 < plan.segments.count ? plan.segments[segment + 1].corpus : nil
            let outcome: CorpusOutcome = switch alone {
            case .keep(let kept): .keep(kept)
            case .reject(let rejection): .reject(rejection)
            }
            var ahead = ProcessedItem.resolved(ordinal: item.ordinal, outcome, elapsed: elapsed, at: stage.index,
                                               then: plan.segments[segment].documentStages, summarizingFor: next, clock: clock)
            ahead.summary = nil
            records.append((segment, WorkAhead(inputDigest: digest(current), item: ahead)))
            guard case .success(let document)? = ahead.result else { break }
            current = document
        }
        return records
    }
}

/// The merge's side: per segment, one reader of work ahead per shard.
final class WorkAheadReaders {
    private let readers: [Int: [ShardItemsReader]]
    private let files: [InputFile]

    init(readers: [Int: [ShardItemsReader]], files: [InputFile]) {
        self.readers = readers
        self.files = files
    }

    /// The work ahead for `ordinal` at `segment`'s corpus stage, if its shard did any.
    func take(segment: Int, ordinal: Int) throws -> WorkAhead? {
        guard let shards = readers[segment] else { return nil }
        let shard = shards[ShardSpec.shard(of: files[ordinal].relativePath, count: shards.count)]
        return try shard.take(ordinal: ordinal).map { WorkAhead(inputDigest: $0.inputDigest, item: $0.item) }
    }

    /// Checks the rest of each file of `segment` once the segment is done.
    func finish(segment: Int) throws {
        for reader in readers[segment] ?? [] { try reader.finish() }
    }
}
