# cp_library(NAME DIR dir DEPS ...): a static library of every non-test .cc in
# dir, plus one test executable per *_test.cc beside it (registered with CTest).
# Globbing keeps adding a file to a layer a one-file change. WHOLE_ARCHIVE:
# tests link every object of the library (for self-registering files).
function(cp_library name)
  cmake_parse_arguments(A "WHOLE_ARCHIVE" "DIR" "DEPS;TEST_DEPS" ${ARGN})
  file(GLOB srcs CONFIGURE_DEPENDS ${A_DIR}/*.cc)
  list(FILTER srcs EXCLUDE REGEX "_test\\.cc$")
  if(srcs)
    add_library(${name} STATIC ${srcs})
  else()
    add_library(${name} INTERFACE)
  endif()
  get_target_property(type ${name} TYPE)
  if(type STREQUAL "INTERFACE_LIBRARY")
    target_include_directories(${name} INTERFACE ${CMAKE_SOURCE_DIR})
    target_link_libraries(${name} INTERFACE ${A_DEPS})
  else()
    target_include_directories(${name} PUBLIC ${CMAKE_SOURCE_DIR})
    target_link_libraries(${name} PUBLIC ${A_DEPS})
  endif()
  if(CLOUDPEEK_TESTS)
    file(GLOB tests CONFIGURE_DEPENDS ${A_DIR}/*_test.cc)
    foreach(t ${tests})
      get_filename_component(tname ${t} NAME_WE)
      add_executable(${tname} ${t})
      if(A_WHOLE_ARCHIVE)
        # Self-registering objects (checks, collectors) must all be linked in.
        target_link_libraries(${tname} PRIVATE "$<LINK_LIBRARY:WHOLE_ARCHIVE,${name}>" ${A_TEST_DEPS}
                              GTest::gtest_main GTest::gmock)
      else()
        target_link_libraries(${tname} PRIVATE ${name} ${A_TEST_DEPS} GTest::gtest_main GTest::gmock)
      endif()
      target_compile_definitions(${tname} PRIVATE
        CLOUDPEEK_SHARED_TESTDATA="${CLOUDPEEK_SHARED_TESTDATA}"
        CLOUDPEEK_FAKEAWS="${CLOUDPEEK_FAKEAWS}"
        CLOUDPEEK_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
        CLOUDPEEK_BINARY_DIR="${CMAKE_BINARY_DIR}")
      gtest_discover_tests(${tname} DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 300)
    endforeach()
  endif()
endfunction()
