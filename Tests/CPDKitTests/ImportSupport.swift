@testable import CPDKit

/// Shared helpers for the importer tests: fixtures found from this file's path, CSV text parsed in memory.
enum ImportSupport {
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static func fixture(_ name: String) -> String { root + "/Fixtures/" + name }

    static func csv(_ text: String, options: ImportOptions = ImportOptions()) -> ImportResult {
        LogImporter.parseCSV(Array(text.utf8), file: "log.csv", options: options)
    }

    static func json(_ text: String, options: ImportOptions = ImportOptions()) -> ImportResult {
        LogImporter.parseJSON(Array(text.utf8), file: "log.json", options: options)
    }

    static func errors(_ result: ImportResult) -> [String] {
        result.diagnostics.filter { $0.severity == .error }.map(\.description)
    }
}
