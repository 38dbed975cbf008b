# rodtrad_embed_files(TARGET <target> FUNCTION <name> BASE <dir> FILES <file>...)
#
# Compiles the named files into <target> as a function
#   const std::map<std::string_view, std::string_view>& rodtrad::<name>();
# keyed by each file's path relative to BASE. Schemas, catalogues and templates are embedded so
# that a run never depends on where the source tree is and no schema is ever read through a URL.
set(RODTRAD_EMBED_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/EmbedFilesScript.cmake")

function(rodtrad_embed_files)
  cmake_parse_arguments(E "" "TARGET;FUNCTION;BASE" "FILES" ${ARGN})
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${E_FUNCTION}.cpp")
  string(REPLACE ";" "|" files_arg "${E_FILES}")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} "-DOUT=${out}" "-DFUNCTION=${E_FUNCTION}" "-DBASE=${E_BASE}"
            "-DFILES=${files_arg}" -P "${RODTRAD_EMBED_SCRIPT}"
    DEPENDS ${E_FILES} "${RODTRAD_EMBED_SCRIPT}"
    COMMENT "Embedding ${E_FUNCTION}"
    VERBATIM)
  target_sources(${E_TARGET} PRIVATE "${out}")
endfunction()
