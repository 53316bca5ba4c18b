import Testing
@testable import NewsETL

@Suite struct SHA256Tests {
    @Test func matchesTheStandardTestVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(EmptyCollection<UInt8>()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func givesTheSameDigestWhateverTheChunking() {
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var chunked = SHA256()
        var index = 0
        for size in [1, 63, 64, 65, 127, 1000, 3] + Array(repeating: 500, count: 20) where index < bytes.count {
            let end = min(index + size, bytes.count)
            chunked.update(bytes[index..<end])
            index = end
        }
        chunked.update(bytes[index...])
        var copy = chunked
        copy.update([1, 2, 3])
        #expect(chunked.finalizeHex() == SHA256.hex(bytes))
        #expect(copy.finalizeHex() == SHA256.hex(bytes + [1, 2, 3]))
        #expect(SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// The one-call digest is the hasher's, for every length around a block.
    @Test func digestsInOneCallAsTheHasherDoes() {
        for length in [0, 1, 55, 56, 63, 64, 65, 300] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
            var hasher = SHA256()
            hasher.update(bytes)
            #expect(SHA256.digest(bytes) == hasher.finalize())
            #expect(SHA256.digest(bytes[...]) == SHA256.digest(bytes))
        }
    }
}
