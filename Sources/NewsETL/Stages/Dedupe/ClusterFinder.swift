/// Finds clusters of copies in a `SketchTable`: exact copies by content key,
/// near copies by LSH banding of the MinHash signatures (documents agreeing
/// on every value of some band become candidates), each candidate pair
/// verified by `DedupeStage.match`; clusters are the connected components.
///
/// Bands are grouped by sorting (hash, document) pairs rather than in hash
/// tables of arrays, which keeps memory flat at a million documents. A band
/// bucket holding more than `fullPairingLimit` documents (a phrase every
/// report of a feed shares) pairs each member with its next
/// `windowInLargeBuckets` neighbours only, which keeps the work near-linear.
struct ClusterFinder {
    let stage: DedupeStage
    var fullPairingLimit = 64
    var windowInLargeBuckets = 8

    struct Cluster {
        var members: [Int]
        var canonical: Int
    }

    /// The clusters, and for each clustered document its strongest link,
    /// used when it does not match its canonical directly.
    func clusters(_ table: SketchTable) -> (clusters: [Cluster], links: [Int: DedupeStage.Match]) {
        var sets = DisjointSets(count: table.count)
        var links: [Int: DedupeStage.Match] = [:]
        func consider(_ left: Int, _ right: Int) {
            let (a, b) = (min(left, right), max(left, right))
            // Already in one cluster: nothing to learn; this also keeps a
            // pair that shares many bands from being verified again and again.
            guard a != b, sets.root(a) != sets.root(b) else { return }
            guard table.ordinal(a) != nil || table.ordinal(b) != nil else { return }
            guard !stage.tooFarApart(table.days[a], table.days[b]) else { return }
            if let similarity = stage.match(table, a, b) {
                sets.union(a, b)
                // Keep the strongest link, whatever order candidates come in.
                for index in [a, b] where links[index].map({ $0 < similarity }) ?? true { links[index] = similarity }
            }
        }

        var keyed = [(key: UInt64, index: Int)]()
        keyed.reserveCapacity(table.count)
        for index in 0..<table.count {
            keyed.append((table.contentKey(index).reduce(0, ^), index))
        }
        pairRuns(&keyed, consider)
        for band in 0..<stage.bands {
            keyed.removeAll(keepingCapacity: true)
            table.forEachBand(band) { index, values in
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(band)
                for value in values { hash = (hash ^ UInt64(value)) &* 0x0000_0100_0000_01B3 }
                keyed.append((hash, index))
            }
            pairRuns(&keyed, consider)
        }

        var components: [Int: [Int]] = [:]
        for index in 0..<table.count where sets.root(index) != index || links[index] != nil {
            components[sets.root(index), default: []].append(index)
        }
        let clusters = components.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }.map { group in
            Cluster(members: group, canonical: canonical(of: group, table))
        }
        return (clusters, links)
    }

    /// Sorts by key and offers every pair inside each run of equal keys; a
    /// run longer than `fullPairingLimit` offers each member's next
    /// `windowInLargeBuckets` neighbours only.
    private func pairRuns(_ keyed: inout [(key: UInt64, index: Int)], _ consider: (Int, Int) -> Void) {
        keyed.sort { $0.key < $1.key || ($0.key == $1.key && $0.index < $1.index) }
        var start = 0
        while start < keyed.count {
            var end = start + 1
            while end < keyed.count && keyed[end].key == keyed[start].key { end += 1 }
            let count = end - start
            if count > 1 {
                let window = count <= fullPairingLimit ? count : windowInLargeBuckets + 1
                for i in start..<end {
                    for j in (i + 1)..<min(i + window, end) { consider(keyed[i].index, keyed[j].index) }
                }
            }
            start = end
        }
    }

    /// Earlier runs' documents come first (they were kept before); then the
    /// configured order; the table order (earlier runs, then input order)
    /// breaks any remaining tie.
    private func canonical(of group: [Int], _ table: SketchTable) -> Int {
        group.min { left, right in
            if table.isFromEarlierRun(left) != table.isFromEarlierRun(right) { return table.isFromEarlierRun(left) }
            for key in stage.canonicalOrder {
                switch key {
                case .earliestPublished:
                    // A dateline's day without a year (negative) orders nothing.
                    let (l, r) = (table.days[left] >= 0 ? table.days[left] : .nan, table.days[right] >= 0 ? table.days[right] : .nan)
                    if l.isNaN != r.isNaN { return !l.isNaN }
                    if !l.isNaN && l != r { return l < r }
                case .longest:
                    if table.wordCounts[left] != table.wordCounts[right] { return table.wordCounts[left] > table.wordCounts[right] }
                case .docID:
                    let (l, r) = (table.docID(left), table.docID(right))
                    if l != r { return l < r }
                }
            }
            return left < right
        }!
    }
}
