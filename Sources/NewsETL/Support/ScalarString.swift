extension String {
    /// A string of these scalars, encoded straight into the string's
    /// storage: appending to a `UnicodeScalarView` one scalar at a time was
    /// a tenth of the entity stage's time.
    init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
        self.init(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
            var count = 0
            for scalar in scalars {
                let value = scalar.value
                if value < 0x80 {
                    buffer[count] = UInt8(truncatingIfNeeded: value)
                    count += 1
                } else {
                    UTF8.encode(scalar) { byte in
                        buffer[count] = byte
                        count += 1
                    }
                }
            }
            return count
        }
    }
}

extension StringProtocol {
    /// `unicodeScalars.count`, from the UTF-8 bytes: every byte that is not
    /// a continuation byte starts a scalar. The report counts the text of
    /// every stored document each night.
    var scalarCount: Int {
        func count(_ bytes: some Sequence<UInt8>) -> Int {
            bytes.reduce(0) { count, byte in count + (byte & 0xC0 == 0x80 ? 0 : 1) }
        }
        return utf8.withContiguousStorageIfAvailable(count) ?? count(utf8)
    }
}
