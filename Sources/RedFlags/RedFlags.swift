@_exported import FastJSON

/// Procurement red flags over OCDS compiled releases. Every output carries the standing caveat.
public enum RedFlags {
    /// A red flag is a reason to look, not evidence of corruption.
    public static let caveat = "A red flag is a reason to look, not evidence of corruption."
}
