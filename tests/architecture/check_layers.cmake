# Layering check (ARCHITECTURE.md): arrows point down only.
#   cmake -DSOURCE_DIR=<repo> -P check_layers.cmake
# Fails listing every include that points up a layer, or Qt inside the queueing engine.

set(violations "")

# check_folder(<folder> <why> <forbidden include prefixes...>)
function(check_folder folder why)
  set(forbidden ${ARGN})
  file(GLOB_RECURSE sources "${SOURCE_DIR}/${folder}/*.h" "${SOURCE_DIR}/${folder}/*.cpp")
  foreach(source IN LISTS sources)
    file(STRINGS "${source}" lines REGEX "^#include")
    foreach(line IN LISTS lines)
      string(REGEX REPLACE "^#include *[<\"]([^>\"]*)[>\"].*$" "\\1" included "${line}")
      foreach(prefix IN LISTS forbidden)
        string(FIND "${included}" "${prefix}" at)
        if(at EQUAL 0)
          file(RELATIVE_PATH rel "${SOURCE_DIR}" "${source}")
          set(violations "${violations}  ${rel}: #include ${included} (${why})\n" PARENT_SCOPE)
          set(violations "${violations}  ${rel}: #include ${included} (${why})\n")
        endif()
      endforeach()
    endforeach()
  endforeach()
endfunction()

check_folder(model/queueing "the engine uses the C++ standard library and Eigen only"
  Q io/ model/ catalogs/ reports/ ui/ app/)
check_folder(model "model links QtCore only and nothing above it"
  QtGui QtWidgets QtSql QtCharts QtSvg QWidget QSql QPainter QImage QColor QPixmap catalogs/ reports/ ui/ app/)
check_folder(catalogs "catalogs sit below reports and ui" QtWidgets QWidget reports/ ui/ app/)
check_folder(reports "reports sit below ui" ui/ app/)
check_folder(ui "ui sits below app" app/)
check_folder(tools "developer tools use QtCore and the model layer only"
  QtGui QtWidgets QtSql QWidget QSql QPainter catalogs/ reports/ ui/ app/)

if(violations)
  message(FATAL_ERROR "Layering violations:\n${violations}")
endif()
message(STATUS "layering: every include points down")
