# bash completion for kcsat(1)                           -*- shell-script -*-
#
# Every candidate comes from kcsat itself: `kcsat complete WORD...` answers
# for the last word (commands, options and their values, arch and check
# names, symbol names of the tree, cached per tree); this function passes
# the words and shows the answer.  Installed by `make install` into
# bash-completion's directory, where it is loaded on first use of kcsat.

_kcsat()
{
	local cur prev words cword
	# keep --opt=value and A,B as one word
	_init_completion -n =: || return

	local line IFS=$'\n'
	local -a lines
	lines=($("${words[0]}" complete -- "${words[@]:1:cword}" 2>/dev/null))
	COMPREPLY=()
	for line in "${lines[@]}"; do
		case $line in
		:files) _filedir ;;
		:dirs) _filedir -d ;;
		*) COMPREPLY+=("${line%%$'\t'*}") ;;
		esac
	done
	# a list goes on after its comma: no space yet
	if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *[=,] ]]; then
		compopt -o nospace
	fi
}
complete -F _kcsat kcsat
