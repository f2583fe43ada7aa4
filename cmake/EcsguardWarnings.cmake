# INTERFACE target carrying our warning set; linked PRIVATE by every ecsguard target.
add_library(ecsguard_warnings INTERFACE)
add_library(ecsguard::warnings ALIAS ecsguard_warnings)
target_compile_options(ecsguard_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual
  -Wformat=2 -Wimplicit-fallthrough -Wcast-qual -Wold-style-cast)
# GCC 12 reports -Wrestrict false positives inside libstdc++'s std::string concatenation at -O2/-O3
# (GCC bug 105329, fixed in GCC 13); the warning says nothing about our code there.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(ecsguard_warnings INTERFACE -Wno-restrict)
endif()
if(ECSGUARD_WERROR)
  target_compile_options(ecsguard_warnings INTERFACE -Werror)
endif()
