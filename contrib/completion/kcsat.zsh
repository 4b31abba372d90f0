#compdef kcsat
# zsh completion for kcsat(1).
#
# Every candidate comes from kcsat itself: `kcsat complete WORD...` answers
# for the last word (commands, options and their values, arch and check
# names, symbol names of the tree, cached per tree), some candidates with a
# description after a tab; this function passes the words and shows the
# answer.  Installed by `make install` as _kcsat in a directory of $fpath.

local -a lines described plain
local line want_files= want_dirs=

lines=("${(@f)$(${(Q)words[1]} complete -- "${(@Q)words[2,CURRENT]}" 2>/dev/null)}")
for line in $lines; do
	case $line in
	(:files) want_files=1 ;;
	(:dirs) want_dirs=1 ;;
	(*$'\t'*) described+=("${${line%%$'\t'*}//:/\\:}:${line#*$'\t'}") ;;
	('') ;;
	(*) plain+=("$line") ;;
	esac
done
local ret=1
(( $#described )) && _describe -t kcsat-described 'kcsat' described && ret=0
(( $#plain )) && compadd -a plain && ret=0
[[ -n $want_dirs && -z $want_files ]] && _files -/ && ret=0
[[ -n $want_files ]] && _files && ret=0
return ret
