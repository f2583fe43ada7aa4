# ecsguard_add_library(<name> SOURCES ... [DEPS ...] [PRIVATE_DEPS ...])
#   builds ecsguard_<name> with alias ecsguard::<name>; includes are rooted at src/.
function(ecsguard_add_library name)
  cmake_parse_arguments(A "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(ecsguard_${name} STATIC ${A_SOURCES})
  add_library(ecsguard::${name} ALIAS ecsguard_${name})
  target_include_directories(ecsguard_${name} PUBLIC $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/src>)
  target_compile_features(ecsguard_${name} PUBLIC cxx_std_20)
  target_link_libraries(ecsguard_${name} PUBLIC ${A_DEPS} PRIVATE ecsguard::warnings ${A_PRIVATE_DEPS})
endfunction()

# ecsguard_add_test(<name> SOURCES ... [DEPS ...] [LABELS ...])
function(ecsguard_add_test name)
  cmake_parse_arguments(A "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${name} ${A_SOURCES})
  target_link_libraries(${name} PRIVATE ${A_DEPS} GTest::gtest GTest::gtest_main ecsguard::warnings)
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests)  # support/*.h
  target_compile_definitions(${name} PRIVATE
    ECSGUARD_SOURCE_DIR="${PROJECT_SOURCE_DIR}" ECSGUARD_BINARY_DIR="${PROJECT_BINARY_DIR}")
  add_test(NAME ${name} COMMAND ${name})
  if(A_LABELS)
    set_tests_properties(${name} PROPERTIES LABELS "${A_LABELS}")
  endif()
endfunction()
