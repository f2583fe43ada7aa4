# INTERFACE target carrying our warning set; linked PRIVATE by every ecsguard target.
add_library(ecsguard_warnings INTERFACE)
add_library(ecsguard::warnings ALIAS ecsguard_warnings)
target_compile_options(ecsguard_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual
  -Wformat=2 -Wimplicit-fallthrough -Wcast-qual -Wold-style-cast)
if(ECSGUARD_WERROR)
  target_compile_options(ecsguard_warnings INTERFACE -Werror)
endif()
