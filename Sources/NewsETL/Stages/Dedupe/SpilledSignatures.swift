/// The MinHash signatures of a dedupe run, kept in a `ScratchFile` rather
/// than in memory: at 128 hashes they are 512 bytes a document, most of what
/// the stage would hold at a million documents.
///
/// They are written a block of `blockSize` documents at a time, twice:
/// document by document, to read one document's signature (to verify a
/// candidate pair, to save the state), and band by band, so that one band
/// of every document comes in one read per block. The block being filled
/// stays in memory and is never written.
final class SpilledSignatures {
    let hashCount: Int
    let bandWidth: Int
    let blockSize: Int
    private let folder: String
    private var file: ScratchFile?
    /// Values of the documents after the last written block, document by document.
    private var pending: [UInt32] = []
    private var buffer: [UInt32] = []
    private(set) var count = 0
    /// The first write or read that failed: values read since are zeros, and
    /// whatever was made from them is not to be used.
    private(set) var failure: (any Error)?

    /// `bandWidth` values of a signature form a band; `folder` holds the scratch file.
    init(hashCount: Int, bandWidth: Int, folder: String, blockSize: Int = 4096) {
        precondition(hashCount % bandWidth == 0 && blockSize > 0)
        self.hashCount = hashCount
        self.bandWidth = bandWidth
        self.blockSize = blockSize
        self.folder = folder
    }

    private var blockBytes: Int { blockSize * hashCount * 4 }
    private var writtenCount: Int { count - pending.count / hashCount }

    func append(_ signature: some Collection<UInt32>) {
        precondition(signature.count == hashCount)
        pending.append(contentsOf: signature)
        count += 1
        if pending.count == blockSize * hashCount { writeBlock() }
    }

    /// Document `index`'s signature.
    func signature(_ index: Int) -> [UInt32] {
        withSignature(index, Array.init)
    }

    /// How many positions of two documents' signatures hold equal values.
    func agreement(_ left: Int, _ right: Int) -> Int {
        let leftValues = signature(left)
        return withSignature(right) { rightValues in
            var equal = 0
            for (leftValue, rightValue) in zip(leftValues, rightValues) where leftValue == rightValue { equal += 1 }
            return equal
        }
    }

    /// Calls `body` with each document's values of band `band`, in document order.
    func forEachBand(_ band: Int, _ body: (Int, ArraySlice<UInt32>) -> Void) {
        precondition(band >= 0 && band < hashCount / bandWidth)
        let bandValues = blockSize * bandWidth
        var index = 0
        while index < writtenCount {
            let offset = (index / blockSize) * 2 * blockBytes + blockBytes + band * bandValues * 4
            read(at: offset, count: bandValues)
            for document in 0..<blockSize {
                body(index + document, buffer[(document * bandWidth)..<((document + 1) * bandWidth)])
            }
            index += blockSize
        }
        while index < count {
            let start = (index - writtenCount) * hashCount + band * bandWidth
            body(index, pending[start..<(start + bandWidth)])
            index += 1
        }
    }

    private func withSignature<Result>(_ index: Int, _ body: (ArraySlice<UInt32>) -> Result) -> Result {
        precondition(index >= 0 && index < count)
        if index >= writtenCount {
            let start = (index - writtenCount) * hashCount
            return body(pending[start..<(start + hashCount)])
        }
        read(at: (index / blockSize) * 2 * blockBytes + (index % blockSize) * hashCount * 4, count: hashCount)
        return body(buffer[0..<hashCount])
    }

    /// Writes the full pending block: its values as they are, then band by band.
    private func writeBlock() {
        buffer.removeAll(keepingCapacity: true)
        for band in 0..<(hashCount / bandWidth) {
            for document in 0..<blockSize {
                let start = document * hashCount + band * bandWidth
                buffer.append(contentsOf: pending[start..<(start + bandWidth)])
            }
        }
        if failure == nil {
            do {
                if file == nil {
                    try FileSystem.makeFolder(folder)
                    file = try ScratchFile(folder: folder)
                }
                try pending.withUnsafeBytes { try file!.append($0) }
                try buffer.withUnsafeBytes { try file!.append($0) }
            } catch {
                failure = error
            }
        }
        pending.removeAll(keepingCapacity: true)
    }

    private func read(at offset: Int, count: Int) {
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: repeatElement(0, count: count))
        guard failure == nil, let file else { return }
        do {
            try buffer.withUnsafeMutableBytes { try file.read(at: offset, into: $0) }
        } catch {
            failure = error
            for position in buffer.indices { buffer[position] = 0 }
        }
    }
}
