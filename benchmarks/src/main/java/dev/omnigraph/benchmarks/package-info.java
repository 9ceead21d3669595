/**
 * Timing harnesses run by hand ({@code scripts/bench.sh}); they print measurements and assert nothing.
 * Outside the default build, because wall-clock numbers on shared machines are not test outcomes.
 */
package dev.omnigraph.benchmarks;
