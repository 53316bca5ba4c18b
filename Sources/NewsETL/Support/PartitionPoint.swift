extension RandomAccessCollection where Index == Int {
    /// The first index whose element is not `isBefore`, in a collection
    /// where every element that is comes first (so a sorted one and "less
    /// than" give the lower bound): a binary search.
    func partitionPoint(_ isBefore: (Element) throws -> Bool) rethrows -> Int {
        var low = startIndex, high = endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if try isBefore(self[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
