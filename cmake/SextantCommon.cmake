# One INTERFACE target carries every flag the project's own targets share,
# so no target sets global include directories or definitions.
add_library(sextant_common_flags INTERFACE)
add_library(Sextant::CommonFlags ALIAS sextant_common_flags)

target_compile_features(sextant_common_flags INTERFACE cxx_std_23)
target_compile_definitions(sextant_common_flags INTERFACE
  QT_NO_KEYWORDS            # Xapian's headers use 'signals'/'slots' as identifiers
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_URL_CAST_FROM_STRING
  QT_USE_QSTRINGBUILDER
  QT_DISABLE_DEPRECATED_BEFORE=0x060400
  SEXTANT_VERSION="${PROJECT_VERSION}")
target_compile_options(sextant_common_flags INTERFACE
  -Wall -Wextra -Wpedantic -Wno-missing-field-initializers
  $<$<BOOL:${SEXTANT_WERROR}>:-Werror>)

if(SEXTANT_SANITIZE)
  target_compile_options(sextant_common_flags INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
  target_link_options(sextant_common_flags INTERFACE -fsanitize=address,undefined)
endif()

set(CMAKE_CXX_EXTENSIONS OFF)
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()

# The programs link tcmalloc (gperftools): ingest allocates and frees many small
# strings on one thread that another made (Xapian's inverter, the workers'
# documents), where it measured about a fifth faster than glibc's malloc in
# tests/bench. Off under the sanitizers, which bring their own allocator.
option(SEXTANT_TCMALLOC "Link the programs with tcmalloc_minimal" ON)
if(SEXTANT_TCMALLOC AND NOT SEXTANT_SANITIZE)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(TCMALLOC REQUIRED IMPORTED_TARGET libtcmalloc_minimal)
endif()

# Gives an executable the project's allocator. Nothing in it calls tcmalloc
# by name, so the library is kept even where the linker drops unused ones.
function(sextant_use_allocator target)
  if(TARGET PkgConfig::TCMALLOC)
    target_link_libraries(${target} PRIVATE "-Wl,--push-state,--no-as-needed" PkgConfig::TCMALLOC "-Wl,--pop-state")
  endif()
endfunction()
