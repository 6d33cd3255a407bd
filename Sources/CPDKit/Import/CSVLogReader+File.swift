import Foundation

extension CSVLogReader {
    /// Reads a file in chunks, so a large log never sits in memory twice (as bytes and as records).
    static func read(handle: UnsafeMutablePointer<FILE>, file: String, options: ImportOptions, chunkSize: Int = 1 << 22) -> ImportResult {
        var reader = CSVLogReader(file: file, options: options)
        reader.feedFile(handle, chunkSize: chunkSize)
        return reader.finish()
    }

    /// Pass 1 of streaming: every diagnostic `read` would give and where each member's rows are, but no activities.
    static func index(handle: UnsafeMutablePointer<FILE>, file: String, options: ImportOptions, chunkSize: Int = 1 << 22) -> (CSVLogReader, ImportResult) {
        var reader = CSVLogReader(file: file, options: options)
        reader.indexing = true
        reader.feedFile(handle, chunkSize: chunkSize)
        let result = reader.finish()
        return (reader, result)
    }

    /// Feeds the whole file, chunk by chunk, keeping `bufferOffset` the file offset of the buffer fed.
    mutating func feedFile(_ handle: UnsafeMutablePointer<FILE>, chunkSize: Int) {
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var filled = 0, atEnd = false
        bufferOffset = 0
        while !atEnd {
            if filled == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
            let got = buffer.withUnsafeMutableBytes { fread($0.baseAddress! + filled, 1, $0.count - filled, handle) }
            filled += got
            atEnd = got == 0 || feof(handle) != 0 || ferror(handle) != 0
            let consumed = buffer.withUnsafeBufferPointer { feed(UnsafeBufferPointer(rebasing: $0[0..<filled]), final: atEnd) }
            // Keep the unfinished row for the next round.
            if consumed > 0 {
                buffer.withUnsafeMutableBytes { raw in
                    _ = memmove(raw.baseAddress!, raw.baseAddress! + consumed, filled - consumed)
                }
                filled -= consumed
                bufferOffset += consumed
            }
        }
        if ferror(handle) != 0 { error("cannot read the whole file", line: nextLine) }
    }
}
