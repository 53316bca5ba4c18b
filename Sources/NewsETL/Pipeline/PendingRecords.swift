/// Records finished before their turn in run order (rejections and dropped
/// copies of early segments), released in ordinal order as the last
/// segment passes them: a binary min-heap, so holding and releasing n
/// records costs O(n log n) whatever the share of early finishers.
struct PendingRecords {
    private var heap: [(ordinal: Int, record: StoredRecord)] = []

    var isEmpty: Bool { heap.isEmpty }

    mutating func insert(_ record: StoredRecord, ordinal: Int) {
        heap.append((ordinal, record))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].ordinal < heap[parent].ordinal else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the record with the smallest ordinal when it is below `limit`.
    mutating func popFirst(below limit: Int) -> StoredRecord? {
        guard let first = heap.first, first.ordinal < limit else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < heap.count, heap[left].ordinal < heap[smallest].ordinal { smallest = left }
                if right < heap.count, heap[right].ordinal < heap[smallest].ordinal { smallest = right }
                guard smallest != parent else { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return first.record
    }
}
