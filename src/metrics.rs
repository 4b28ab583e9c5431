//! Prometheus metrics of the live pipeline, rendered at `/metrics` in the text exposition
//! format. Plain atomics: the counters are few and hot, so no registry is worth its weight.

use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};

/// The process's counters and gauges.
#[derive(Debug, Default)]
pub struct Metrics {
    /// Open websocket connections.
    pub ws_connections: AtomicI64,
    /// Active GraphQL subscriptions.
    pub active_subscriptions: AtomicI64,
    /// Events handed to subscribers.
    pub events_delivered: AtomicU64,
    /// Events read from the table by the listener and broadcast.
    pub events_broadcast: AtomicU64,
    /// Range queries the listener made (one per burst of notifications).
    pub listener_queries: AtomicU64,
    /// Times the LISTEN connection was re-established.
    pub listener_reconnects: AtomicU64,
    /// 1 while the LISTEN connection is up.
    pub listener_up: AtomicI64,
    /// Milliseconds from the last broadcast event's commit to its broadcast.
    pub fanout_lag_ms: AtomicI64,
    /// Catch-up queries made for subscribers that fell behind or resumed.
    pub catch_up_queries: AtomicU64,
}

impl Metrics {
    /// The text exposition of every metric.
    pub fn render(&self) -> String {
        let gauge = |v: &AtomicI64| v.load(Ordering::Relaxed).to_string();
        let counter = |v: &AtomicU64| v.load(Ordering::Relaxed).to_string();
        let lines = [
            ("synapse_ws_connections", "gauge", "Open websocket connections.", gauge(&self.ws_connections)),
            (
                "synapse_active_subscriptions",
                "gauge",
                "Active GraphQL subscriptions.",
                gauge(&self.active_subscriptions),
            ),
            (
                "synapse_events_delivered_total",
                "counter",
                "Events delivered to subscribers.",
                counter(&self.events_delivered),
            ),
            (
                "synapse_events_broadcast_total",
                "counter",
                "Events read by the listener and broadcast.",
                counter(&self.events_broadcast),
            ),
            (
                "synapse_listener_queries_total",
                "counter",
                "Range queries made by the listener.",
                counter(&self.listener_queries),
            ),
            (
                "synapse_listener_reconnects_total",
                "counter",
                "LISTEN connection re-establishments.",
                counter(&self.listener_reconnects),
            ),
            ("synapse_listener_up", "gauge", "1 while the LISTEN connection is up.", gauge(&self.listener_up)),
            (
                "synapse_fanout_lag_milliseconds",
                "gauge",
                "Commit-to-broadcast lag of the last event.",
                gauge(&self.fanout_lag_ms),
            ),
            (
                "synapse_catch_up_queries_total",
                "counter",
                "Catch-up reads for resuming or lagging subscribers.",
                counter(&self.catch_up_queries),
            ),
        ];
        let mut out = String::new();
        for (name, kind, help, value) in lines {
            out.push_str(&format!("# HELP {name} {help}\n# TYPE {name} {kind}\n{name} {value}\n"));
        }
        out
    }
}

/// Adds one to a gauge for as long as the guard lives.
#[derive(Debug)]
pub struct GaugeGuard<'a>(&'a AtomicI64);

impl<'a> GaugeGuard<'a> {
    /// Raises `gauge` until the guard is dropped.
    pub fn new(gauge: &'a AtomicI64) -> Self {
        gauge.fetch_add(1, Ordering::Relaxed);
        Self(gauge)
    }
}

impl Drop for GaugeGuard<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}
