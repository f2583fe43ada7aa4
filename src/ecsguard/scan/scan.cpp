#include "ecsguard/scan/scan.h"
namespace ecsguard::scan {
ScanResult run_scan(const ScanRequest&) { return {}; }
}  // namespace ecsguard::scan
