#pragma once

#include <QHeaderView>
#include <QTableView>

namespace outflow::ui {

// The app's read-only lists (Destinations, Audiences, Alerts): whole rows
// selected one at a time, no editing, no wrapping, no row numbers, columns
// that fit their contents. Each page then says which column takes the rest.
inline void setUpReadOnlyTable(QTableView *view)
{
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    // Nothing to edit from cell to cell: Tab leaves the table (arrows move in it).
    view->setTabKeyNavigation(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setHighlightSections(false);
}

} // namespace outflow::ui
