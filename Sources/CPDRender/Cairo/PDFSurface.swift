import CCairoPango

/// Receives the PDF bytes cairo streams out: kept in memory, or handed on piece by piece (to a file) so a
/// large document, such as a 10,000-member team overview, is never held whole.
final class ByteSink {
    var bytes: [UInt8] = []
    let output: ((UnsafeRawBufferPointer) throws -> Void)?
    /// The first error `output` threw; cairo only learns that the write failed.
    var error: (any Error)?
    init(output: ((UnsafeRawBufferPointer) throws -> Void)? = nil) {
        self.output = output
        if output == nil { bytes.reserveCapacity(64 * 1024) }
    }

    func append(_ piece: UnsafeRawBufferPointer) -> Bool {
        guard let output else { bytes.append(contentsOf: piece); return true }
        guard error == nil else { return false }
        do { try output(piece); return true } catch { self.error = error; return false }
    }
}

/// A cairo PDF surface writing into memory or into `output`, with its drawing context. Lives for one render call.
final class PDFSurface {
    let surface: OpaquePointer
    let cr: OpaquePointer
    let sink: ByteSink
    private var finished = false

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init(width: Double, height: Double, output: ((UnsafeRawBufferPointer) throws -> Void)? = nil) throws {
        let sink = ByteSink(output: output)
        let write: cairo_write_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
            return sink.append(UnsafeRawBufferPointer(start: data, count: Int(length))) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR
        }
        guard let surface = cairo_pdf_surface_create_for_stream(write, Unmanaged.passUnretained(sink).toOpaque(), width, height)
        else { throw Failure(description: "cairo could not create a PDF surface") }
        if cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS {
            let message = String(cString: cairo_status_to_string(cairo_surface_status(surface)))
            cairo_surface_destroy(surface)
            throw Failure(description: "cairo could not create a PDF surface: \(message)")
        }
        guard let cr = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw Failure(description: "cairo could not create a drawing context")
        }
        self.surface = surface; self.cr = cr; self.sink = sink
    }

    /// The document's metadata from the layout's templates, the creator and the creation date.
    func setMetadata(layout: LayoutSpec, tokens: Tokens, options: RenderOptions) {
        setMetadata(CAIRO_PDF_METADATA_TITLE, tokens.fill(layout.metadata.title))
        setMetadata(CAIRO_PDF_METADATA_AUTHOR, tokens.fill(layout.metadata.author))
        setMetadata(CAIRO_PDF_METADATA_SUBJECT, tokens.fill(layout.metadata.subject))
        setMetadata(CAIRO_PDF_METADATA_KEYWORDS, tokens.fill(layout.metadata.keywords))
        setMetadata(CAIRO_PDF_METADATA_CREATOR, options.creator)
        setMetadata(CAIRO_PDF_METADATA_CREATE_DATE, options.resolvedCreationDate)
    }

    func setMetadata(_ key: cairo_pdf_metadata_t, _ value: String) {
        guard !value.isEmpty else { return }
        cairo_pdf_surface_set_metadata(surface, key, value.replacingOccurrences(of: "\u{0}", with: ""))
    }

    /// Flushes the document and returns its bytes (empty when they went to `output`), or throws `output`'s
    /// error or cairo's sticky error.
    func finish() throws -> [UInt8] {
        if let error = sink.error { throw error }
        let status = cairo_status(cr)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw Failure(description: "cairo failed while drawing: \(String(cString: cairo_status_to_string(status)))")
        }
        cairo_surface_finish(surface)
        finished = true
        let s = cairo_surface_status(surface)
        if let error = sink.error { throw error }
        guard s == CAIRO_STATUS_SUCCESS else {
            throw Failure(description: "cairo failed writing the PDF: \(String(cString: cairo_status_to_string(s)))")
        }
        return sink.bytes
    }

    deinit {
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
        // The sink is retained by this object until here; cairo no longer writes after destroy.
        withExtendedLifetime(sink) {}
    }
}
