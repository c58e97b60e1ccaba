import SecureReporting
import Vapor

extension Application {
    private struct StretchGateKey: StorageKey { typealias Value = StretchGate }

    /// One gate per process: at most `reportStretchConcurrency` receipts and passwords are stretched at once.
    var reportStretchGate: StretchGate {
        get { storage[StretchGateKey.self] ?? StretchGate(limit: 1) }
        set { storage[StretchGateKey.self] = newValue }
    }
}
