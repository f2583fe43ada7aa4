// ecsguard command line: thin wiring over scan, report and guard.
int main() { return 0; }
