# The two commands of the README. Everything else is plain CMake (see CMakePresets.json).
BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc)
CORPUS     ?= $(abspath ../shared/corpus)

.PHONY: deps build demo test test-release test-asan fuzz lint clean

deps:
	@tools/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DECSGUARD_WERROR=ON >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

# Build, then scan the bundled example stacks (the insecure one fails, as it should).
demo: build
	@echo "\$$ ecsguard scan examples/insecure"
	-@$(BUILD)/ecsguard scan examples/insecure; echo "(exit code $$?)"
	@echo
	@echo "\$$ ecsguard scan examples/hardened"
	-@$(BUILD)/ecsguard scan examples/hardened; echo "(exit code $$?)"

# Release build + every test, then an ASan+UBSan build + every test.
test: test-release test-asan

test-release: build
	@cd $(BUILD) && ECSGUARD_CORPUS=$${ECSGUARD_CORPUS:-$(CORPUS)} ctest --output-on-failure -j $(JOBS)

test-asan: deps
	@cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DECSGUARD_WERROR=ON \
	  -DECSGUARD_SANITIZE=address,undefined >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@cd $(ASAN_BUILD) && ECSGUARD_CORPUS=$${ECSGUARD_CORPUS:-$(CORPUS)} \
	  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS) -LE "bench"

fuzz: deps
	@tools/run_fuzzers.sh

# clang-format (no diff allowed) and clang-tidy (.clang-tidy; findings are errors) over src/.
# Uses the Release build's compile_commands.json; GCC-only warning flags are not clang's business.
lint: build
	@git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h' 'fuzz/*.cpp' 'bench/*.cpp' | \
	  xargs clang-format --dry-run --Werror
	@run-clang-tidy-14 -p $(BUILD) -quiet -j $(JOBS) -extra-arg=-Wno-unknown-warning-option \
	  'src/ecsguard/' >$(BUILD)/clang-tidy.log 2>&1 || { tail -20 $(BUILD)/clang-tidy.log; exit 1; }
	@if grep -qE '(warning|error):' $(BUILD)/clang-tidy.log; then \
	  grep -A4 -E '(warning|error):' $(BUILD)/clang-tidy.log; exit 1; fi
	@echo "lint: clang-format and clang-tidy clean"

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
