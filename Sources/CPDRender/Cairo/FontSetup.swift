import CCairoPango

/// fontconfig must be initialised once, before any thread touches Pango: Pango otherwise starts it
/// on a background thread, which races with other first uses (pango#784). A `static let` runs once,
/// thread-safely, on first access.
enum FontSetup {
    static let ready: Bool = FcInit() != 0
}
