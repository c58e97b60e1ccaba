import Prometheus
import Vapor

/// The platform's Prometheus registry. It is per application, so tests can run many apps in one process.
final class PlatformMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let auditSize: Gauge

    init() {
        auditSize = registry.makeGauge(name: "ix_audit_log_entries", help: "Entries in the audit log")
    }

    func countRequest(method: String, route: String, status: UInt) {
        registry.makeCounter(name: "ix_http_requests_total",
                             labels: [("method", method), ("route", route), ("status", String(status))],
                             help: "HTTP requests by route pattern and status")
            .increment()
    }

    func setAuditSize(_ size: Int) {
        auditSize.set(Double(size))
    }

    func exposition() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}

extension Application {
    private struct MetricsKey: StorageKey { typealias Value = PlatformMetrics }

    var metrics: PlatformMetrics {
        get { storage[MetricsKey.self] ?? PlatformMetrics() }
        set { storage[MetricsKey.self] = newValue }
    }
}
