# One source file per check. ecsguard_add_checks(LAYER <layer> SOURCES a.cpp b.cpp) records each
# check; ecsguard_generate_check_registry(<out>) writes registry.gen.cpp, which declares and lists
# every check (`ecsguard::checks::<layer>::<stem>`), so nothing is registered by hand and no static
# constructor is needed.
function(ecsguard_add_checks)
  cmake_parse_arguments(A "" "LAYER" "SOURCES" ${ARGN})
  foreach(src IN LISTS A_SOURCES)
    get_filename_component(stem "${src}" NAME_WE)
    set_property(GLOBAL APPEND PROPERTY ECSGUARD_CHECK_SYMBOLS "${A_LAYER}:${stem}")
    set_property(GLOBAL APPEND PROPERTY ECSGUARD_CHECK_SOURCES "${CMAKE_CURRENT_SOURCE_DIR}/${src}")
  endforeach()
endfunction()

function(ecsguard_generate_check_registry out)
  get_property(syms GLOBAL PROPERTY ECSGUARD_CHECK_SYMBOLS)
  list(SORT syms)
  set(ECSGUARD_CHECK_DECLS "")
  set(ECSGUARD_CHECK_REFS "")
  foreach(sym IN LISTS syms)
    string(REPLACE ":" ";" parts "${sym}")
    list(GET parts 0 layer)
    list(GET parts 1 stem)
    string(APPEND ECSGUARD_CHECK_DECLS
      "namespace ecsguard::checks::${layer} {\nextern const engine::CheckDef ${stem};\n}\n")
    string(APPEND ECSGUARD_CHECK_REFS "      &checks::${layer}::${stem},\n")
  endforeach()
  configure_file(${PROJECT_SOURCE_DIR}/cmake/registry.gen.cpp.in ${out} @ONLY)
endfunction()
