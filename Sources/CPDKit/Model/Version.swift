public enum CPDVersion { public static let string = "0.1.0" }
