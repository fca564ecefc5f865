/**
 * Benchmarks: a load runner that drives a running server over HTTP and reports throughput and
 * latency percentiles (HdrHistogram), and a cold-start timer. Benchmarks print figures; they never
 * decide a build.
 */
package com.weavecrm.bench;
