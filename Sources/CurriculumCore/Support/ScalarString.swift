extension String {
    /// The text of a sequence of scalars, encoded to UTF-8 in one pass (building a
    /// `String.UnicodeScalarView` appends scalar by scalar, hundreds of instructions each).
    @inlinable package init<Scalars: Sequence>(scalars: Scalars) where Scalars.Element == Unicode.Scalar {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.underestimatedCount)
        for scalar in scalars {
            UTF8.encode(scalar) { bytes.append($0) }
        }
        self = String(decoding: bytes, as: UTF8.self)
    }
}
