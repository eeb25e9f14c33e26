# flis_layer(NAME DEPS <targets...>)
# One static library per layer folder: every *.cpp except *_test.cpp / *_benchmark.cpp / *_main.cpp and
# the libFuzzer targets in fuzz/ (flis_fuzz below).
# Tests beside the code (*_test.cpp) become one GoogleTest binary per layer: flis_<NAME>_tests.
# The checkout's path for tests (core/testing/source_dir.h), in one generated file: kept off the
# compile lines so that a clone at another path hits the compiler cache.
if(NOT TARGET flis_test_source_dir)
  file(CONFIGURE OUTPUT ${CMAKE_BINARY_DIR}/generated/flis_source_dir.cpp
       CONTENT "#include \"core/testing/source_dir.h\"\nstd::string flis::testing::source_dir() { return \"${PROJECT_SOURCE_DIR}\"; }\n")
  add_library(flis_test_source_dir STATIC ${CMAKE_BINARY_DIR}/generated/flis_source_dir.cpp)
  target_include_directories(flis_test_source_dir PUBLIC ${PROJECT_SOURCE_DIR}/src)
endif()

function(flis_layer name)
  cmake_parse_arguments(L "" "" "DEPS;TEST_DEPS" ${ARGN})
  file(GLOB_RECURSE all_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  set(lib_sources ${all_sources})
  list(FILTER lib_sources EXCLUDE REGEX "(_test|_benchmark|_main|/fuzz/[^/]*)\\.cpp$")
  set(test_sources ${all_sources})
  list(FILTER test_sources INCLUDE REGEX "_test\\.cpp$")
  if(lib_sources)
    add_library(flis_${name} STATIC ${lib_sources})
    target_include_directories(flis_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(flis_${name} PUBLIC ${L_DEPS})
  else()
    add_library(flis_${name} INTERFACE)
    target_include_directories(flis_${name} INTERFACE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(flis_${name} INTERFACE ${L_DEPS})
  endif()
  if(test_sources)
    add_executable(flis_${name}_tests ${test_sources})
    target_link_libraries(flis_${name}_tests PRIVATE flis_${name} ${L_TEST_DEPS} GTest::gmock GTest::gtest_main)
    target_link_libraries(flis_${name}_tests PRIVATE flis_test_source_dir)
    gtest_discover_tests(flis_${name}_tests PROPERTIES LABELS unit DISCOVERY_TIMEOUT 60)
  endif()
endfunction()

# flis_fuzz(DEPS <targets...>): the layer's libFuzzer targets, one executable per fuzz/<name>_fuzz.cpp,
# named <name>_fuzz, in <build>/fuzz. Only with FLIS_FUZZ (the `fuzz` preset); scripts/fuzz.sh builds
# and runs them with the seed corpus tests/fuzz/<name>.
function(flis_fuzz)
  if(NOT FLIS_FUZZ)
    return()
  endif()
  cmake_parse_arguments(F "" "" "DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/*_fuzz.cpp)
  foreach(source ${sources})
    get_filename_component(name ${source} NAME_WE)
    add_executable(${name} ${source})
    target_link_libraries(${name} PRIVATE ${F_DEPS})
    target_link_options(${name} PRIVATE -fsanitize=fuzzer)
    set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/fuzz)
  endforeach()
endfunction()
