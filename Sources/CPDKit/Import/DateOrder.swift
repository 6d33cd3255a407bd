/// How to read slash dates such as `03/04/2026` (`--date-format`).
public enum DateOrder: String, Sendable, CaseIterable {
    /// ISO dates always; slash dates only when the file itself settles the order.
    case auto
    /// Only `YYYY-MM-DD`.
    case iso
    case dayFirst = "dd/mm/yyyy"
    case monthFirst = "mm/dd/yyyy"

    /// Reads a `--date-format` value: `auto`, `iso`, `dd/mm/yyyy`, `mm/dd/yyyy`, and also
    /// `DMY`, `MDY`, `YMD`, `yyyy-mm-dd`, `day-first`, `month-first`, case-insensitively.
    public static func parse(_ text: String) -> DateOrder? {
        let key = String(text.lowercased().filter { $0.isLetter })
        switch key {
        case "auto": return .auto
        case "iso", "ymd", "yyyymmdd": return .iso
        case "ddmmyyyy", "dmy", "ddmmyy", "dayfirst", "day": return .dayFirst
        case "mmddyyyy", "mdy", "mmddyy", "monthfirst", "month": return .monthFirst
        default: return nil
        }
    }
}
